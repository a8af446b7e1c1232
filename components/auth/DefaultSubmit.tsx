/**
 * Enter in a text field submits with the form's first submit button. Forms whose first button is
 * 免费获取 start with this invisible one, so Enter submits the form instead of sending an SMS.
 */
export function DefaultSubmit() {
  return <button type="submit" hidden tabIndex={-1} aria-hidden="true" />;
}
