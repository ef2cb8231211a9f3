/** A field's error message, next to its input; the input points at it with aria-describedby `error-<name>`. */
export function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  const message = errors[name];
  if (!message) return null;
  return (
    <p className="field-error" role="alert" id={`error-${name}`} data-testid={`error-${name}`}>
      {message}
    </p>
  );
}
