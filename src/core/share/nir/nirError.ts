import { quoteInput } from '../../format/inputText.ts';
import { SpikelabError } from '../../errors.ts';

/**
 * A NIR graph that Spikelab cannot turn into a network, or a network it cannot write as NIR: an
 * unsupported node type, a branch or a loop, a parameter with no equivalent. `subject` names what
 * is at fault (`NIR node 'lif1' (CubaLIF)`, `layer 'pool1'`), so the message points at it.
 */
export class NirError extends SpikelabError {
  readonly subject: string;
  constructor(subject: string, message: string) {
    super('nir_refused', subject ? `${subject}: ${message}` : message);
    this.name = 'NirError';
    this.subject = subject;
  }
}

/** How messages name a NIR node: its name and type, both as the file spells them (quoted as input). */
export function nodeSubject(name: string, type: string): string {
  return `NIR node '${quoteInput(name)}' (${quoteInput(type)})`;
}
