import { LoggerService, LogLevel } from '@nestjs/common';
import { currentRequestContext } from './request-context';

const ORDER: Record<LogLevel, number> = { verbose: 0, debug: 1, log: 2, warn: 3, error: 4, fatal: 5 };

/**
 * One JSON object a line on stdout, with the request id when there is one.
 * Callers never pass request bodies, passwords or tokens; the logger does not look for them.
 */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(level: LogLevel = 'log') {
    this.minimum = ORDER[level];
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (ORDER[level] < this.minimum) return;
    // Nest passes the context as the last string argument and, for errors, a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      context,
      requestId: currentRequestContext()?.requestId,
    };
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      Object.assign(line, message);
    } else {
      line['msg'] = message instanceof Error ? message.message : String(message);
    }
    const stack = rest.find((item) => typeof item === 'string' && item.includes('\n    at '));
    if (stack) line['stack'] = stack;
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}
