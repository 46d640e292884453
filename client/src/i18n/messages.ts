import type { Locale } from '../../../shared/enums';

export interface MessageTree {
  [key: string]: string | MessageTree;
}

export type Messages<T extends MessageTree = MessageTree> = Record<Locale, T>;

/** Declares a namespace's messages; the English tree must have exactly the keys of the Chinese one. */
export function defineMessages<T extends MessageTree>(messages: { 'zh-CN': T; en: NoInfer<T> }): Messages<T> {
  return messages;
}
