using Microsoft.EntityFrameworkCore;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Contracts;
using WalletCare.Cases.Features;
using WalletCare.Platform.Modules;

namespace WalletCare.Cases;

/// <summary>One open complaint per demo customer, tied to their real wallet history, and a few macros.</summary>
internal sealed class CasesDemoSeeder(CasesDbContext db, FileComplaintHandler cases, IUserDirectory users, IWalletQueries wallet, TimeProvider time) : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Macros.AnyAsync(ct))
        {
            db.Macros.AddRange(
                new Macro { Name = "退款进度说明", Locale = "zh-CN", Body = "{customerName}您好，关于投诉 {caseNumber}：商户已发起退款，银行处理中，预计 {refundExpectedBy} 前到账，请您留意银行卡入账。" },
                new Macro { Name = "已收到，正在核实", Locale = "zh-CN", Body = "{customerName}您好，我们已收到您的投诉 {caseNumber}，正在核实交易信息，会尽快给您答复。" },
                new Macro { Name = "Refund progress", Locale = "en-US", Body = "Hello {customerName}, about {caseNumber}: the merchant has issued the refund and the bank is processing it; it should arrive by {refundExpectedBy}." });
            await db.SaveChangesAsync(ct);
        }
        await SeedFor("13800000001", "refund_not_received", "退款一直没有到账", "京东退货的蓝牙耳机，商户说已经退款了，但是银行卡一直没收到钱。",
            "尽快退款到账", t => t.Type == "refund" && t.Status == "pending", ct);
        await SeedFor("13800000002", "topup_failed", "充值失败但不知道原因", "用银行卡充值 500 元，提示失败，银行卡那边说没问题，请帮我查一下。",
            "告诉我失败原因", t => t.Type == "topup" && t.Status == "failed", ct);
    }

    private async Task SeedFor(string phone, string category, string subject, string description, string outcome, Func<TransactionSummary, bool> pick, CancellationToken ct)
    {
        var u = await users.FindByLoginAsync(phone, ct);
        if (u is null || await db.Cases.AnyAsync(c => c.CustomerId == u.Id, ct)) return;
        var tx = (await wallet.RecentTransactionsAsync(u.Id, 50, ct)).FirstOrDefault(pick);
        await cases.HandleAsync(u.Id, new NewComplaint(category, subject, description, tx is null ? [] : [tx.Id], outcome), "app", ct,
            time.GetUtcNow().UtcDateTime.AddHours(-3));
    }
}
