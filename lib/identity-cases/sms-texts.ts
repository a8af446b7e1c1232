/**
 * SMS and e-mail wording for identity cases. Texts go to mainland phones, so they are in Chinese (like the
 * other notices of the product); the inbox carries the same news in the reader's language. The case
 * decisions a student most often gets (verified, photo refused) are templates the admin can edit
 * (lib/messaging/templates.ts); sendMessage puts the signature and the portal's address on every text.
 */
const SIGN = "【学籍自查】";

export const texts = {
  accountCancelled: (idMasked: string) =>
    `${SIGN}您使用证件号码 ${idMasked} 注册的学籍自查账号已被注销：该证件号码的持有人已通过身份核验。` +
    `注销后该账号不能再登录。如非您本人所知，请联系学校客服。`,
  accountCancelledSubject: "学籍自查账号已注销",
  rosterRejected: (reason: string) =>
    `${SIGN}您提供的学籍信息未通过客服审核，原因：${reason}。请登录后选择上传手持身份证照片或同学协助完成核验。`,
  changeApplied: () => `${SIGN}您的账号姓名/证件号码变更申请已通过，新的信息已生效。`,
  changeRejected: (reason: string) => `${SIGN}您的账号姓名/证件号码变更申请未通过，原因：${reason}。`,
  phoneReleaseReceived: () =>
    `${SIGN}已收到您释放本手机号的申请，客服将在 3 个工作日内审核，结果将以短信通知本号码。`,
  phoneReleased: () => `${SIGN}您的申请已通过：本手机号已与原账号解除绑定，现在可以用它实名注册。`,
  phoneReleaseRejected: (reason: string) =>
    `${SIGN}您释放本手机号的申请未通过，原因：${reason}。可按要求重新申请，或联系学校客服。`,
  phoneReleasedOwner: (phoneMasked: string) =>
    `您的学籍自查账号原绑定的手机号 ${phoneMasked} 已应该号码现持有人的申请解除绑定。您仍可用证件号码或安全邮箱登录，请登录后在账号管理中绑定新的手机号。`,
};

/** Chinese labels of the rejection reasons for SMS (the inbox translates from the code). */
export const REJECT_REASON_ZH: Record<string, string> = {
  photo_unclear: "照片不清晰",
  id_not_held: "未手持证件",
  info_mismatch: "证件信息与注册信息不一致",
  not_owner: "非本人",
  face_covered: "脸部被遮挡或未拍全",
  other: "其他",
};

export function rejectReasonText(code: string, note: string): string {
  const label = REJECT_REASON_ZH[code] ?? REJECT_REASON_ZH.other;
  if (!note) return label;
  return code === "other" ? note : `${label}(${note})`;
}
