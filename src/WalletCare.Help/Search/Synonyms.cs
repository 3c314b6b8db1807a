namespace WalletCare.Help.Search;

/// <summary>
/// Query-time synonyms: customers say 退钱, articles say 退款. Applied to the query only, so adding a
/// group needs no reindex and the index stays the articles' own words. Each group is symmetric.
/// </summary>
public static class Synonyms
{
    private static readonly string[][] Groups =
    [
        ["退款", "退钱", "退回", "钱退"],
        ["充值", "充钱", "存钱", "转入", "充的钱", "充了", "充进"],
        ["盗刷", "被盗", "未授权", "不是我", "被刷", "陌生扣款", "异常消费", "没授权"],
        ["扣款", "扣钱", "扣费", "被扣"],
        ["未到账", "没到账", "没收到", "不到账", "没到"],
        ["提现", "取现", "取钱", "提款", "转出到银行卡", "取出来"],
        ["银行卡", "储蓄卡", "信用卡", "卡片"],
        ["绑定", "绑卡", "添加", "加卡", "关联"],
        ["解绑", "删除卡", "移除"],
        ["绑卡失败", "绑不上", "加不进", "绑定失败", "添加失败"],
        ["故障", "维护", "出问题", "打不开", "大面积"],
        ["冻结", "锁定", "封号", "止付"],
        ["实名", "身份验证", "认证", "身份证", "刷脸", "人脸"],
        ["限额", "额度", "上限", "最多"],
        ["手续费", "费用", "收费", "服务费"],
        ["投诉", "举报", "维权", "申诉"],
        ["先买后付", "分期", "白条", "花呗", "赊账"],
        ["还款", "还钱", "逾期", "欠款"],
        ["密码", "支付密码", "登录密码"],
        ["验证码", "短信码", "校验码"],
        ["转账", "汇款", "打钱", "转钱", "给别人"],
        ["失败", "不成功", "付不了", "支付不了", "付款失败"],
        ["refund", "money back", "reimburse"],
        ["top up", "topup", "add money", "deposit", "load"],
        ["withdraw", "cash out", "withdrawal"],
        ["unauthorized", "fraud", "stolen", "don't recognise", "not me", "hacked"],
        ["card", "bank card", "debit card", "credit card"],
        ["complaint", "complain", "escalate"],
        ["bnpl", "pay later", "instalment", "installment", "repayment", "repay"],
        ["verify", "verification", "identity", "kyc"],
        ["limit", "cap", "maximum"],
        ["fee", "charge", "cost"],
    ];

    /// <summary>The other members of every group the query mentions (the query itself not repeated).</summary>
    public static IReadOnlyList<string> Expand(string query)
    {
        var q = query.ToLowerInvariant();
        var extra = new List<string>();
        foreach (var g in Groups)
            if (g.Any(w => q.Contains(w, StringComparison.Ordinal)))
                extra.AddRange(g.Where(w => !q.Contains(w, StringComparison.Ordinal)));
        return extra;
    }
}
