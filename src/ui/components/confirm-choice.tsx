import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Props {
  /** The row's actions class, so the question stands where the buttons stood. */
  class: string;
  /** The group's name for screen readers: `Remove s3://bucket/?` */
  label: string;
  /** The destructive answer: `Remove`, `Delete`, `Cancel maintenance`. */
  confirm: string;
  onConfirm(): void;
  /** The safe answer: `Keep`, `Keep it`. */
  keep: string;
  keepId: string;
  onKeep(): void;
  /** The question, in words. */
  children: ComponentChildren;
}

/**
 * The question a destructive button asks, in its place. The keyboard goes to the safe answer: the
 * button pressed is gone, and a second Enter must not be the one that destroys.
 */
export function ConfirmChoice(props: Props) {
  const keepButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => keepButton.current?.focus(), []);
  return (
    <div class={props.class} role="group" aria-label={props.label}>
      <span>{props.children}</span>
      <button type="button" class="danger" onClick={props.onConfirm}>
        {props.confirm}
      </button>
      <button type="button" id={props.keepId} ref={keepButton} onClick={props.onKeep}>
        {props.keep}
      </button>
    </div>
  );
}
