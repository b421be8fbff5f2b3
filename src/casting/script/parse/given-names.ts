/**
 * Given names that are a man's or a woman's name in English-language scripts almost without
 * exception, so "DICK STEEL" or "MARGARET" tells a casting director who to call in. Names used for
 * both (Alex, Sam, Jordan, Robin…) are deliberately absent: for them the script must say.
 */
const MALE = `aaron adam alan albert alfred andrew anthony arthur barry ben benjamin bernard bill billy bob bobby brad brian
bruce carl charles charlie chris christopher colin craig dan daniel dave david dennis derek dick don donald doug douglas
duncan ed eddie edgar edmund edward edwin eric ernest eugene frank fred frederick gary geoffrey george gerald gordon graham
greg gregory harold harry henry herbert howard hugh ian jack jacob jake james jason jeff jeffrey jeremy jerry jim jimmy joe
joel john johnny jonathan joseph josh joshua keith ken kenneth kevin larry lawrence leonard lewis luke malcolm mark martin
matt matthew michael mike neil nick nicholas norman oliver oscar patrick paul peter phil philip ralph raymond richard rick
robert roger ronald roy russell ryan scott sean simon stanley stephen steve steven stuart ted thomas tim timothy tom tony
trevor victor vincent walter wayne will william`;

const FEMALE = `abigail agnes alice alison amanda amelia amy angela ann anna anne barbara beatrice betty beverly brenda carol
caroline catherine charlotte cheryl christine claire clara deborah debra diana diane donna doris dorothy edith eileen
elaine eleanor elizabeth ellen emily emma esther eva eve evelyn fiona florence frances gloria grace hannah harriet
heather helen ida irene jane janet janice jean jennifer jenny jessica jill joan josephine joyce judith judy julia julie
karen kate katherine kathleen kathy laura lauren linda lisa lois louise lucy lydia margaret maria marie marilyn martha
mary megan melissa michelle mildred miriam molly nancy natalie nicole nora norma olivia pamela patricia paula pauline
peggy rachel rebecca rita rose ruth sally sandra sarah sharon shirley sophie stephanie susan sylvia teresa theresa
tina valerie victoria virginia wendy`;

const names = (list: string) => new Set(list.split(/\s+/).filter(Boolean));
const MALE_NAMES = names(MALE);
const FEMALE_NAMES = names(FEMALE);

/** 'male' or 'female' for an unambiguous given name (any case), else undefined. */
export function givenNameGender(word: string): 'male' | 'female' | undefined {
  const w = word.toLowerCase();
  if (MALE_NAMES.has(w)) return 'male';
  if (FEMALE_NAMES.has(w)) return 'female';
  return undefined;
}
