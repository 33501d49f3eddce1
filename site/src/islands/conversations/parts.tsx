/** Small parts the conversation views share. */
import { FieldError } from '../forms/parts'

/**
 * A field's error, beside the field (the field names it in aria-describedby with errorProps), in
 * an alert region that is always on the page, so a new error is read out as it appears.
 */
export const FieldAlert = ({ id, message }: { id: string; message?: string }) => (
  <div role="alert">
    <FieldError id={id} message={message} />
  </div>
)

/** After a refused send, moves the focus to the form's first field with an error (once it is drawn). */
export const focusFirstError = (form: HTMLFormElement): void => {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
