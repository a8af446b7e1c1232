/**
 * SMS and e-mail wording when an account is closed at the student's request. Like the other notices they go
 * to mainland phones in Chinese; they say what is kept and why, since the account can no longer sign in.
 */
const SIGN = "【学籍自查】";

export const closureTexts = {
  closedSubject: "学籍自查账号已按您的申请注销",
  closed: () =>
    `${SIGN}您的学籍自查账号已按您的申请注销：手机号、邮箱、密码、密保问题、第三方登录绑定和站内信已删除。` +
    `依照学籍管理规定，学校保留您的学籍信息及其更改记录、自查和更正记录，以及登录日志（6 个月，网络安全法要求）和审计记录；` +
    `手持身份证照片将在 1 天内删除。需要时可重新注册，学籍会自动关联。`,
};
