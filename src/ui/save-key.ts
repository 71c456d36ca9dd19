/**
 * Enter without Shift, outside an IME composition: what saves a note, in the full note box
 * (`NoteField`) and in the popup's shell alike. Imports nothing: the shell's script stays small.
 */
export const isSaveKey = (event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'isComposing'>) => event.key === 'Enter' && !event.shiftKey && !event.isComposing;
