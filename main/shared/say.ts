import type { Phrase } from '../../preload/contract';

type Value = string | number | Sentence;

/**
 * A sentence for people that carries values. It keeps its English template and the values apart,
 * so the desk can say it in its user's language; String() of it is the English.
 */
export class Sentence {
  constructor(
    readonly text: string,
    readonly values: readonly Value[],
  ) {}

  get phrase(): Phrase {
    return { text: this.text, values: this.values.map((v) => (v instanceof Sentence ? v.phrase : String(v))) };
  }

  toString(): string {
    return this.text.replace(/\{(\d+)\}/g, (_, i: string) => String(this.values[Number(i)]));
  }
}

/** say`${date} has already passed`: a Sentence whose template is "{0} has already passed". */
export function say(strings: TemplateStringsArray, ...values: Value[]): Sentence {
  return new Sentence(
    strings.reduce((text, part, i) => `${text}{${i - 1}}${part}`),
    values,
  );
}
