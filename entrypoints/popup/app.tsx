export function App() {
  return <main>Sitrep</main>;
}
