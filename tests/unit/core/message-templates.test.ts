import { describe, expect, it } from "vitest";
import {
  templateDef,
  TEMPLATE_KEYS,
  fillTemplate,
  placeholdersIn,
  renderTemplate,
  signBody,
  templateProblem,
} from "@/lib/messaging/templates";

describe("message templates", () => {
  it("every default text passes its own rules", () => {
    for (const key of TEMPLATE_KEYS)
      for (const lang of templateDef(key).langs)
        expect(
          templateProblem(key, templateDef(key).defaults[lang] ?? "", lang),
          `${key} ${lang}`,
        ).toBeNull();
  });

  it("finds placeholders, also odd ones, once each", () => {
    expect(placeholdersIn("{code}{code} {lifetime} { x } {}")).toEqual(["code", "lifetime", " x ", ""]);
  });

  it("fills values and leaves no placeholder text behind", () => {
    expect(fillTemplate("{name}同学 {missing}截止 {deadline}", { name: "王芳", deadline: "12月8日" })).toBe(
      "王芳同学 截止 12月8日",
    );
    expect(fillTemplate("{constructor}{toString}", {})).toBe("");
  });

  it("renders bilingual e-mails Chinese first, then English", () => {
    const body = renderTemplate({}, "passwordReset", { link: "https://x/r?t=1" });
    expect(body.indexOf("您好")).toBeLessThan(body.indexOf("Open the link above"));
    expect(body.split("https://x/r?t=1")).toHaveLength(2);
  });

  it("signs an SMS at the start and an e-mail at the end, once, with the address", () => {
    const sms = signBody(
      "sms",
      "【学籍自查】验证码 123456",
      "【示范大学学籍自查】",
      "https://xj.example.edu.cn",
    );
    expect(sms).toBe("【示范大学学籍自查】验证码 123456 https://xj.example.edu.cn");
    expect(signBody("sms", sms, "【示范大学学籍自查】", "https://xj.example.edu.cn")).toBe(sms);
    const mail = signBody("email", "正文", "【示范大学学籍自查】", "https://xj.example.edu.cn");
    expect(mail).toBe("正文\n\n【示范大学学籍自查】 https://xj.example.edu.cn");
    expect(signBody("email", mail, "【示范大学学籍自查】", "https://xj.example.edu.cn")).toBe(mail);
  });
});
