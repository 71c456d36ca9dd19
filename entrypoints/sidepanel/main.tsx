import { render } from 'preact';
import { App } from './app';
import '../../src/ui/styles.css';

render(<App />, document.getElementById('app')!);
