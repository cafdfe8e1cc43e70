/** Thrown for syntax and execution errors; `line` is 1-based within the template. */
export class TemplateError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'TemplateError';
  }
}
