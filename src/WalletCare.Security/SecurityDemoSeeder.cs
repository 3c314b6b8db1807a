using WalletCare.Platform.Contracts;
using WalletCare.Platform.Http;
using WalletCare.Platform.Modules;

namespace WalletCare.Security;

/// <summary>Demo accounts of SPEC §2. The password is for demos only and documented as such.</summary>
internal sealed class SecurityDemoSeeder(IUserDirectory users, Auth.TwoFactor twoFactor, TimeProvider time) : IDemoSeeder
{
    public const string DemoPassword = "Demo@2026!";
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        NewUser[] demo =
        [
            new("张伟", Roles.Customer, DemoPassword, Phone: "13800000001", Email: "zhangwei@demo.walletcare.local"),
            new("李娜", Roles.Customer, DemoPassword, Phone: "13800000002", Email: "lina@demo.walletcare.local"),
            new("王芳", Roles.Agent, DemoPassword, UserName: "agent1", Email: "agent1@demo.walletcare.local", Skills: "zh-CN,en-US,payments,refunds"),
            new("刘洋", Roles.Agent, DemoPassword, UserName: "agent2", Email: "agent2@demo.walletcare.local", Skills: "zh-CN,security,accounts"),
            new("陈静", Roles.Supervisor, DemoPassword, UserName: "supervisor1", Email: "supervisor1@demo.walletcare.local", Skills: "zh-CN,en-US"),
            new("赵磊", Roles.Compliance, DemoPassword, UserName: "compliance1", Email: "compliance1@demo.walletcare.local"),
            new("系统管理员", Roles.Admin, DemoPassword, UserName: "admin", Email: "admin@demo.walletcare.local"),
        ];
        foreach (var u in demo)
        {
            var login = u.UserName ?? u.Phone!;
            var created = await users.FindByLoginAsync(login, ct) ?? await users.CreateAsync(u, ct);
            // Staff must use 2FA (SPEC §2): demo staff share the documented demo secret; demo customers start without.
            if (Roles.IsStaff(u.Role) && !await twoFactor.IsEnabledAsync(created.Id, ct))
                await twoFactor.EnrolAsync(created.Id, time.GetUtcNow().UtcDateTime, ct, Auth.TwoFactor.DemoSecret);
        }
    }
}
