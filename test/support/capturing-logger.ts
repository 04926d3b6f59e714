import type { LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';

/** A Nest logger that keeps every line (with level) instead of printing it. */
export class CapturingLogger implements LoggerService {
  readonly lines: { level: string; text: string }[] = [];

  log(...parts: unknown[]): void {
    this.keep('log', parts);
  }
  error(...parts: unknown[]): void {
    this.keep('error', parts);
  }
  warn(...parts: unknown[]): void {
    this.keep('warn', parts);
  }
  debug(...parts: unknown[]): void {
    this.keep('debug', parts);
  }
  verbose(...parts: unknown[]): void {
    this.keep('verbose', parts);
  }
  fatal(...parts: unknown[]): void {
    this.keep('fatal', parts);
  }

  /** Everything logged, as one text. */
  get text(): string {
    return this.lines.map((line) => `${line.level} ${line.text}`).join('\n');
  }

  /** Lines of one level that contain `fragment`. */
  matching(level: string, fragment: string): string[] {
    return this.lines.filter((line) => line.level === level && line.text.includes(fragment)).map((line) => line.text);
  }

  private keep(level: string, parts: unknown[]): void {
    const text = parts.map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 5 }))).join(' ');
    this.lines.push({ level, text });
  }
}
