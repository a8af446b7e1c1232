/** Characters for Han-style given names, leaning male or female as real names do (many are shared). */
export const MALE_CHARS = Array.from(
  "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳晨博文轩睿哲泽子梓宸铭昊天逸航然一嘉豪志建国峰晓振亮成毅瑞锐彬坤政鸿源翔义昕恒晟钧骏楠永海东森思远家伦",
);

export const FEMALE_CHARS = Array.from(
  "芳娜敏静丽艳婷雪慧颖琳洁燕玲霞欣悦怡萱涵诗琪雨梦思佳彤瑶妍晴婧蕾薇雯璐菲莹倩露嘉一子梓若馨桐月心语可依诺钰淑秀美春红兰凤丹蓉茜楠晶宁曦舒",
);

/**
 * 生僻字 that real people carry in their names. The first four are outside the basic CJK block (extension
 * A, B and D, two of them outside the BMP), which is what breaks naive string handling.
 */
export const RARE_CHARS = ["𠮷", "䶮", "㛃", "𫖯", "喆", "堃", "犇", "淼", "玥", "珺", "燚", "赟", "彧", "祎", "琎"];

/** Uyghur names: own name · father's name (e.g. 阿依古丽·买买提). */
export const UYGHUR_MALE = [
  "买买提", "艾力", "阿卜杜拉", "吐尔逊", "艾克拜尔", "麦麦提", "阿里木", "依明", "热合曼", "玉素甫", "亚森",
  "艾尔肯", "肉孜", "库尔班", "阿布都热依木",
];
export const UYGHUR_FEMALE = [
  "阿依古丽", "热依扎", "古丽娜扎", "迪丽热巴", "帕提古丽", "祖丽菲亚", "米热古丽", "努尔古丽", "再努尔",
  "玛依拉", "阿娜尔", "布麦尔耶姆", "海丽且木",
];

/** Kazakh and Kyrgyz names follow the same own·father pattern. */
export const KAZAKH_MALE = ["叶尔兰", "努尔兰", "别克", "哈那提", "阿斯卡尔", "叶尔江", "达吾列提", "塔斯肯", "加尔肯", "胡安"];
export const KAZAKH_FEMALE = ["阿依努尔", "加娜尔", "古丽巴哈尔", "阿克娜依", "哈丽达", "吉娜", "娜孜古丽"];

/** Tibetan names: two two-character parts, no surname (扎西次仁, 格桑梅朵). */
export const TIBETAN_ANY = ["扎西", "次仁", "格桑", "洛桑", "丹增", "尼玛", "达瓦", "索朗", "拉巴", "普布", "白玛"];
export const TIBETAN_MALE = ["多吉", "平措", "旺堆", "顿珠", "罗布", "群培"];
export const TIBETAN_FEMALE = ["卓玛", "央金", "拉姆", "德吉", "曲珍", "梅朵", "央宗", "措姆"];

/** Mongolian given names used without a surname. */
export const MONGOLIAN_MALE = ["巴特尔", "额尔敦", "那仁", "阿拉坦", "朝鲁", "苏和", "宝音", "孟和", "毕力格", "特木尔"];
export const MONGOLIAN_FEMALE = ["其其格", "苏日娜", "乌云", "图雅", "萨仁", "娜仁", "乌兰", "高娃", "斯琴", "塔娜"];
