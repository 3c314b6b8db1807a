using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WalletCare.Cases;
using WalletCare.Cases.Domain;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Modules;
using WalletCare.Security.Domain;
using WalletCare.Security.Persistence;
using WalletCare.Wallet;
using WalletCare.Wallet.Domain;

namespace WalletCare.Server.Cli;

/// <summary>
/// Bulk synthetic data for benchmarks: customers, declined wallet transactions (no ledger effect, so
/// verify-ledger still holds), and cases across every status, priority, category, channel and age,
/// with their SLA clocks and timeline entries. Deterministic for a given --seed.
/// usage: generate-load --tickets 1000000 [--customers N] [--seed 7]
/// </summary>
internal sealed class GenerateLoadVerb(IServiceProvider services, TimeProvider time) : ICliVerb
{
    public string Name => "generate-load";
    public string Help => "--tickets N [--customers M] [--seed S]: bulk synthetic data for benchmarks";

    private static readonly string[] Statuses = ["new", "open", "pending_customer", "pending_internal", "resolved", "closed", "reopened"];
    private static readonly int[] StatusWeights = [15, 25, 8, 7, 15, 28, 2];
    private static readonly string[] Channels = ["app", "web", "chat", "email", "phone", "social", "third_party", "regulator"];

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken ct)
    {
        var tickets = int.Parse(CliVerbs.Option(args, "--tickets") ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
        var customers = int.Parse(CliVerbs.Option(args, "--customers") ?? Math.Max(10, tickets / 20).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        var rng = new Random(int.Parse(CliVerbs.Option(args, "--seed") ?? "7", System.Globalization.CultureInfo.InvariantCulture));
        var now = time.GetUtcNow().UtcDateTime;
        var sw = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..6];

        // Customers share one password hash (hashing a million passwords is not the point here).
        var hash = new PasswordHasher<User>().HashPassword(null!, "load-test-password-" + run);
        var customerIds = new List<Guid>(customers);
        for (var start = 0; start < customers; start += 5000)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SecurityDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(customers, start + 5000); i++)
            {
                var u = new User { DisplayName = $"负载用户{i}", Role = "customer", PasswordHash = hash, Phone = $"19{run.GetHashCode() & 0xFF:D3}{i:D6}", CreatedAt = now.AddDays(-rng.Next(30, 900)) };
                db.Users.Add(u);
                customerIds.Add(u.Id);
            }
            await db.SaveChangesAsync(ct);
        }
        output.WriteLine($"customers {customers} in {sw.Elapsed.TotalSeconds:0.0}s");

        var categories = new PriorityRules().BaseByCategory.Keys.ToArray();
        var policies = new SlaPolicies();
        var cal = BusinessCalendar.Default;
        long year = BusinessCalendar.ToLocal(now).Year;
        long counter;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            counter = await db.Counters.Where(c => c.Year == year).Select(c => c.Next).FirstOrDefaultAsync(ct);
        }
        const int chunk = 2000;
        for (var start = 0; start < tickets; start += chunk)
        {
            using var scope = services.CreateScope();
            var cdb = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            var wdb = scope.ServiceProvider.GetRequiredService<WalletDbContext>();
            cdb.ChangeTracker.AutoDetectChangesEnabled = false;
            wdb.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(tickets, start + chunk); i++)
            {
                var customer = customerIds[rng.Next(customerIds.Count)];
                var received = now.AddMinutes(-rng.Next(10, 60 * 24 * 120)); // up to 4 months old
                var status = Pick(rng, Statuses, StatusWeights);
                var category = categories[rng.Next(categories.Length)];
                var priority = PriorityRules.Name(new PriorityRules().Decide(category, rng.Next(100) < 5 ? 600_000 : 10_000, rng.Next(100) < 10));
                var policy = policies.For(priority);
                var open = CaseStatus.IsOpenStatus(status);
                var tx = new WalletTransaction
                {
                    CustomerId = customer, Type = rng.Next(2) == 0 ? TxType.Payment : TxType.Topup, Status = TxStatus.Failed,
                    AmountMinor = rng.Next(100, 500_000), FailureCode = WalletErrorsSample[rng.Next(WalletErrorsSample.Length)],
                    IdempotencyKey = $"load-{run}-{i}", CreatedAt = received.AddMinutes(-rng.Next(1, 600)), UpdatedAt = received,
                };
                wdb.Transactions.Add(tx);
                var c = new Case
                {
                    Number = $"WC-{year}-{++counter:D6}", CustomerId = customer, Category = category, Channel = Channels[rng.Next(Channels.Length)],
                    Subject = $"负载测试投诉 {i}", Description = "合成数据：付款失败但被扣款，请核实。", Status = status, IsOpen = open, Priority = priority,
                    AmountInvolvedMinor = tx.AmountMinor, ReceivedAt = received, UpdatedAt = received.AddHours(rng.Next(0, 48)),
                    RegulatoryDueAt = received + policies.RegulatoryDeadline, Team = rng.Next(3) == 0 ? "security" : "payments",
                    FirstResponseAt = status == "new" ? null : received.AddHours(rng.Next(1, 8)),
                    ResolvedAt = status is "resolved" or "closed" ? received.AddDays(rng.Next(1, 10)) : null,
                    ClosedAt = status == "closed" ? received.AddDays(rng.Next(10, 20)) : null,
                };
                var firstDue = policy.AroundTheClock ? received + policy.FirstResponse : cal.AddBusinessTime(received, policy.FirstResponse);
                var resolutionDue = policy.AroundTheClock ? received + policy.Resolution : cal.AddBusinessTime(received, policy.Resolution);
                c.NextDueAt = !open ? WalletCare.Cases.Domain.Case.NoDue : status == "new" ? firstDue : status == "pending_customer" ? c.RegulatoryDueAt : resolutionDue;
                c.Breached = open && c.NextDueAt < now;
                c.AtRisk = open && !c.Breached && rng.Next(10) == 0;
                c.AssigneeId = null;
                cdb.Cases.Add(c);
                cdb.CaseTransactions.Add(new CaseTransaction { CaseId = c.Id, TransactionId = tx.Id });
                cdb.Events.Add(new CaseEvent { CaseId = c.Id, At = received, ActorId = customer, ActorRole = "customer", Kind = "created", Public = true, Body = c.Description });
                if (c.FirstResponseAt is { } fr)
                    cdb.Events.Add(new CaseEvent { CaseId = c.Id, At = fr, ActorRole = "agent", Kind = "reply", Public = true, Body = "您好，我们正在核实。" });
                if (open)
                {
                    cdb.Clocks.Add(new SlaClock { CaseId = c.Id, Kind = ClockKind.Resolution, BusinessTime = !policy.AroundTheClock, BudgetTicks = policy.Resolution.Ticks,
                        SegmentStart = received, DueAt = resolutionDue, WarnAt = resolutionDue, State = status == "pending_customer" ? "paused" : "running",
                        NextCheckAt = status == "pending_customer" ? null : resolutionDue, WarnedAt = resolutionDue < now ? resolutionDue : null });
                    cdb.Clocks.Add(new SlaClock { CaseId = c.Id, Kind = ClockKind.Regulatory, BudgetTicks = policies.RegulatoryDeadline.Ticks, SegmentStart = received,
                        DueAt = c.RegulatoryDueAt, WarnAt = c.RegulatoryDueAt, NextCheckAt = c.RegulatoryDueAt, WarnedAt = c.RegulatoryDueAt < now ? c.RegulatoryDueAt : null });
                }
            }
            await wdb.SaveChangesAsync(ct);
            await cdb.SaveChangesAsync(ct);
            if ((start / chunk) % 50 == 0) output.WriteLine($"cases {Math.Min(tickets, start + chunk)}/{tickets} in {sw.Elapsed.TotalSeconds:0.0}s");
        }
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? "INSERT INTO case_counters (\"Year\", \"Next\") VALUES ({0}, {1}) ON CONFLICT (\"Year\") DO UPDATE SET \"Next\" = GREATEST(case_counters.\"Next\", EXCLUDED.\"Next\")"
                : "INSERT INTO case_counters (\"Year\", \"Next\") VALUES ({0}, {1}) ON CONFLICT (\"Year\") DO UPDATE SET \"Next\" = MAX(\"Next\", excluded.\"Next\")", [year, counter], ct);
            if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            else await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        output.WriteLine($"generated {tickets} cases for {customers} customers in {sw.Elapsed.TotalSeconds:0.0}s");
        return 0;
    }

    private static readonly string[] WalletErrorsSample = ["INSUFFICIENT_FUNDS", "ISSUER_DECLINED", "RISK_BLOCKED", "CARD_EXPIRED", "NETWORK_ERROR", "CARD_LIMIT_EXCEEDED"];

    private static string Pick(Random rng, string[] items, int[] weights)
    {
        var roll = rng.Next(weights.Sum());
        for (var i = 0; i < items.Length; i++)
        {
            if (roll < weights[i]) return items[i];
            roll -= weights[i];
        }
        return items[^1];
    }
}
