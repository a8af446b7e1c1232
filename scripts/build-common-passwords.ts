/**
 * Builds lib/security/common-passwords.txt: the list of common passwords registration and resets refuse
 * (SPEC §2.1). The `@zxcvbn-ts/language-common` dictionary is not installed here and nothing may be
 * downloaded, so the list is reconstructed offline from (1) the most-used passwords of the public leak
 * studies (RockYou, the 2011 CSDN / Tianya leaks, yearly "worst passwords" lists) typed in from memory and
 * (2) the systematic patterns those studies show dominate Chinese users' choices: birthdays, digit runs,
 * keyboard walks, pinyin phrases, surname + year. Only entries of 8+ code points are kept: shorter ones are
 * refused by the length rule anyway. Run: `npx tsx scripts/build-common-passwords.ts`. docs/security.md
 * describes the sources.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

const MIN_LENGTH = 8;
const out = new Set<string>();
const add = (p: string) => {
  const v = p.toLowerCase();
  if ([...v].length >= MIN_LENGTH) out.add(v);
};

// 1. Frequently leaked passwords (global and Chinese lists), as remembered from the published top lists.
const TOP = `123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 000000
iloveyou 1q2w3e4r 666666 888888 5201314 woaini1314 password1 qwerty123 123321 654321 7777777 1qaz2wsx
a123456 a12345678 aa123456 abc123456 abcd1234 qwe123456 qq123456 zxcvbnm zxcvbnm123 asdfghjkl
asdf1234 1q2w3e4r5t 1q2w3e 1qazxsw2 qazwsx qazwsxedc qazwsx123 q1w2e3r4 q1w2e3r4t5 qwer1234 qwerty1
qwertyuiop passw0rd p@ssw0rd p@ssword password123 password12 password1234 admin admin123 admin888
administrator root123 letmein welcome welcome1 welcome123 monkey dragon football baseball master
shadow sunshine princess trustno1 superman batman starwars whatever freedom michael jennifer
jordan23 charlie donald mustang hunter2 ashley bailey access flower hello123 hellokitty loveme
lovely iloveyou1 iloveyou123 babygirl daniel nicole jessica 987654321 9876543210 11111111 22222222
33333333 44444444 55555555 66666666 77777777 88888888 99999999 00000000 12341234 11223344 12121212
13131313 14141414 12344321 10101010 12348765 87654321 11112222 123454321 147258369 159357 1472583690
147852369 741852963 963852741 258369147 123qwe 123qweasd 123qweasdzxc 1234qwer qweasdzxc qweasd
zaq12wsx zaq1xsw2 !qaz2wsx 1qaz!qaz 1qaz@wsx !@#$%^&* !@#$%^ 1234!@#$ abc12345 abcdefg abcdefgh
abcd12345 a1234567 a123456789 a1b2c3d4 a1s2d3f4 aaaaaaaa asdasdasd asd123456 asdfasdf asdfqwer
woaini woaini520 woaini521 woaini123 woaini1314520 wodemima mima123 mimamima nihao123 zhongguo
zhongguo123 iloveyou520 5201314520 520520520 1314520 13145200 520131400 woaiwojia woaiwoma
woaini1314521 aini1314 wocaonima caonima nimabi baobei520 baobeiwoaini laopo520 laogong520
xiaoming xiaohong zhangwei wangwei liuyang wangjing lijing zhangmin wangfang woshishei
qq666666 qq888888 qqqqqqqq wwwwwwww 168168168 16881688 518518518 5211314 1314521 7758521 7758258
asdfghjk sdfghjkl zxcvbnma q1w2e3r4t5y6 qwertyui 1qaz2wsx3edc 1qaz2wsx3edc4rfv zaq!2wsx
computer internet security changeme default secret login123 test1234 testtest guest123 user1234
student student123 teacher school123 xuexi123 xuesheng xuesheng123 xueji123 xuexin123 chsi123
iloveu1314 forever1314 sunshine1 chocolate butterfly pokemon minecraft naruto123 doraemon
liverpool chelsea arsenal barcelona realmadrid manchester basketball kobe24 kobe8824 lebron23`
  .split(/\s+/)
  .filter(Boolean);
TOP.forEach(add);

const SUFFIXES = [
  "",
  "1",
  "12",
  "123",
  "1234",
  "12345",
  "123456",
  "1314",
  "520",
  "521",
  "888",
  "666",
  "000",
  "111",
  "!",
  "@123",
  ".",
  "0",
  "00",
  "01",
  "007",
  "2008",
  "2010",
  "2020",
  "2023",
  "2024",
  "2025",
];
const WORDS = [
  "password",
  "passw0rd",
  "p@ssword",
  "p@ssw0rd",
  "qwerty",
  "qwertyui",
  "asdfgh",
  "zxcvbn",
  "admin",
  "woaini",
  "wodemima",
  "woaiwojia",
  "aini",
  "nihao",
  "mima",
  "zhongguo",
  "beijing",
  "shanghai",
  "iloveyou",
  "loveyou",
  "baobei",
  "laopo",
  "laogong",
  "xiaobao",
  "tiantian",
  "happy",
  "hello",
  "welcome",
  "monkey",
  "dragon",
  "abc",
  "abcd",
  "abcdef",
  "qwe",
  "asd",
  "zxc",
  "qaz",
  "wsx",
  "aaa",
  "qq",
  "wo",
  "xuesheng",
  "student",
  "school",
  "daxue",
  "china",
  "love",
  "lucky",
  "sunny",
  "angel",
  "kitty",
  "hellokitty",
  "superman",
  "batman",
  "football",
  "basketball",
  "tiger",
  "panda",
  "apple",
];
for (const w of WORDS) for (const s of SUFFIXES) add(w + s);
for (const w of WORDS) add(w.charAt(0).toUpperCase() + w.slice(1) + "123");

// 2. Digit runs: one digit repeated, ascending and descending runs, doubled short runs.
for (let d = 0; d <= 9; d++) for (let n = MIN_LENGTH; n <= 16; n++) add(String(d).repeat(n));
const ASC = "01234567890123456789";
const DESC = "98765432109876543210";
for (let start = 0; start < 10; start++)
  for (let n = MIN_LENGTH; n <= 12; n++) {
    add(ASC.slice(start, start + n));
    add(DESC.slice(start, start + n));
  }
for (let a = 0; a <= 9; a++)
  for (let b = 0; b <= 9; b++) {
    const pair = `${a}${b}`;
    add(pair.repeat(4));
    add(pair.repeat(5));
    add(pair.repeat(6));
  }
for (let n = 100; n <= 999; n++) add(String(n).repeat(3)); // 123123123, 520520520 …
for (let n = 1000; n <= 9999; n += 1) {
  const s = String(n);
  if (new Set(s).size <= 2 || /^(\d)\1/.test(s)) add(s + s); // 11221122, 52005200 …
}

// 3. Keyboard walks (rows, columns, zig-zags), with and without digits.
const WALKS = [
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "1qaz2wsx3edc4rfv5tgb",
  "qazwsxedcrfvtgb",
  "zaq1xsw2cde3vfr4",
  "1q2w3e4r5t6y7u8i9o0p",
  "q1w2e3r4t5y6u7i8o9p0",
  "qweasdzxc",
  "qweasd",
  "asdzxc",
  "1234qwerasdfzxcv",
  "poiuytrewq",
  "lkjhgfdsa",
  "mnbvcxz",
  "!qaz@wsx#edc",
  "!q@w#e$r",
  "1qaz!qaz",
  "!@#$%^&*()",
  "1a2s3d4f5g",
  "a1s2d3f4g5",
  "z1x2c3v4b5",
  "147258369",
  "159753",
  "741852963",
  "963852741",
  "123654789",
];
for (const w of WALKS) {
  for (let n = MIN_LENGTH; n <= w.length; n++) add(w.slice(0, n));
  for (const s of ["", "123", "123456", "1", "!"]) add(w + s);
}
for (const w of ["qwe", "asd", "zxc", "qaz", "abc", "aa", "a", "qq", "q", "z", "w", "wsx", "ab"]) {
  for (const digits of [
    "123456",
    "12345",
    "1234567",
    "12345678",
    "123456789",
    "654321",
    "111111",
    "888888",
    "666666",
    "000000",
    "5201314",
    "1314520",
    "520520",
  ]) {
    add(w + digits);
    add(digits + w);
  }
}

// 4. Birthdays and dates YYYYMMDD 1950–2010 (the largest single family in the Chinese leaks).
for (let y = 1950; y <= 2010; y++)
  for (let m = 1; m <= 12; m++) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) add(`${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`);
  }

// 5. Pinyin surnames / common given names and English first names + year or digits.
const NAMES = [
  "zhang",
  "wang",
  "li",
  "liu",
  "chen",
  "yang",
  "huang",
  "zhao",
  "wu",
  "zhou",
  "xu",
  "sun",
  "ma",
  "zhu",
  "hu",
  "guo",
  "he",
  "gao",
  "lin",
  "luo",
  "zheng",
  "liang",
  "xie",
  "song",
  "tang",
  "han",
  "feng",
  "deng",
  "cao",
  "peng",
  "zeng",
  "xiao",
  "tian",
  "dong",
  "pan",
  "yuan",
  "cai",
  "jiang",
  "yu",
  "du",
  "ye",
  "cheng",
  "wei",
  "su",
  "lu",
  "ding",
  "ren",
  "shen",
  "yao",
  "fang",
  "jin",
  "xiaoming",
  "xiaohong",
  "xiaoli",
  "xiaoyu",
  "xiaolong",
  "xiaowei",
  "lili",
  "lele",
  "tingting",
  "jingjing",
  "yangyang",
  "huanhuan",
  "michael",
  "jennifer",
  "david",
  "james",
  "john",
  "robert",
  "jessica",
  "ashley",
  "amanda",
  "daniel",
  "andrew",
  "joshua",
  "matthew",
  "thomas",
  "charlie",
  "jordan",
  "tiffany",
  "kevin",
  "jason",
  "justin",
];
for (const name of NAMES) {
  for (let y = 1970; y <= 2010; y++) add(name + y);
  for (const d of ["123", "1234", "12345", "123456", "520", "1314", "888", "666", "521", "007", "0000"])
    add(name + d);
}

const list = [...out].sort();
const file = path.join(process.cwd(), "lib", "security", "common-passwords.txt");
writeFileSync(file, list.join("\n") + "\n");
console.log(`wrote ${list.length} passwords to ${file}`);
