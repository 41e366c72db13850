import { VFileMessage } from 'vfile-message';

/**
 * A message as plain data, to cross from a worker: structured cloning keeps an error's message
 * and stack, not vfile's fields. Only what formatting, `--json` and callers read is kept.
 */
export interface MessageData {
  reason: string;
  fatal: boolean | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  file: string | undefined;
  place: VFileMessage['place'];
}

export function toMessageData(message: VFileMessage): MessageData {
  const { reason, fatal, ruleId, source, file, place } = message;
  return { reason, fatal: fatal ?? undefined, ruleId, source, file: file || undefined, place: place ?? undefined };
}

export function fromMessageData(data: MessageData): VFileMessage {
  const message = new VFileMessage(data.reason, { ...(data.place ? { place: data.place } : {}), ruleId: data.ruleId, source: data.source });
  message.fatal = data.fatal;
  if (data.file) message.file = data.file;
  return message;
}
