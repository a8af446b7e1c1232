import { weightedPicker, type Rng } from "./prng";
import { ETHNIC_SURNAMES, SURNAMES } from "./data/surnames";
import { NAME_STYLE } from "./data/ethnicities";
import {
  FEMALE_CHARS,
  KAZAKH_FEMALE,
  KAZAKH_MALE,
  MALE_CHARS,
  MONGOLIAN_FEMALE,
  MONGOLIAN_MALE,
  RARE_CHARS,
  TIBETAN_ANY,
  TIBETAN_FEMALE,
  TIBETAN_MALE,
  UYGHUR_FEMALE,
  UYGHUR_MALE,
} from "./data/given-names";

export type Gender = "男" | "女";

const pickSurname = weightedPicker(SURNAMES);

/** Share of Han-style names that carry one 生僻字. */
const RARE_CHAR_RATE = 0.006;

function hanName(rng: Rng, gender: Gender, ethnicity: string): string {
  const ethnicSurnames = ETHNIC_SURNAMES[ethnicity];
  const surname = ethnicSurnames && rng.chance(0.6) ? rng.pick(ethnicSurnames) : pickSurname(rng);
  const chars = gender === "男" ? MALE_CHARS : FEMALE_CHARS;
  // Most given names have two characters; one-character names are less common since the 1990s.
  const given = rng.chance(0.8) ? [rng.pick(chars), rng.pick(chars)] : [rng.pick(chars)];
  if (rng.chance(RARE_CHAR_RATE)) given[given.length - 1] = rng.pick(RARE_CHARS);
  return surname + given.join("");
}

/** Own name · father's name: the father's name is a man's name whatever the child's gender. */
function dotName(rng: Rng, gender: Gender, male: readonly string[], female: readonly string[]): string {
  const own = rng.pick(gender === "男" ? male : female);
  let father = rng.pick(male);
  while (father === own) father = rng.pick(male);
  return `${own}·${father}`;
}

function tibetanName(rng: Rng, gender: Gender): string {
  const second = gender === "男" ? TIBETAN_MALE : TIBETAN_FEMALE;
  return rng.pick(TIBETAN_ANY) + rng.pick(second);
}

/** A plausible name for a person of this ethnicity and gender. */
export function generateName(rng: Rng, ethnicity: string, gender: Gender): string {
  switch (NAME_STYLE[ethnicity] ?? "han") {
    case "uyghur":
      return dotName(rng, gender, UYGHUR_MALE, UYGHUR_FEMALE);
    case "kazakh":
      return dotName(rng, gender, KAZAKH_MALE, KAZAKH_FEMALE);
    case "tibetan":
      return tibetanName(rng, gender);
    case "mongolian":
      // About half of Mongolian students in the interior carry Han-style names.
      return rng.chance(0.5)
        ? rng.pick(gender === "男" ? MONGOLIAN_MALE : MONGOLIAN_FEMALE)
        : hanName(rng, gender, ethnicity);
    case "han":
      return hanName(rng, gender, ethnicity);
  }
}
