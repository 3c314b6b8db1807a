using WalletCare.Cases.Domain;
using WalletCare.Cases.Sla;
using WalletCare.Platform.Calendar;
using WalletCare.Platform.Contracts;
using WalletCare.Platform.Errors;
using Xunit;

namespace WalletCare.Cases.Tests;

/// <summary>Case.ChangeStatus without a database: the transition rule, the clock effects and the timeline entry come together.</summary>
public sealed class CaseStatusRulesTests
{
    private static readonly DateTime Monday10 = BusinessCalendar.ToUtc(new DateTime(2026, 11, 23, 10, 0, 0));
    private static readonly SlaPolicies Policies = new();

    private static (Case Case, CaseClocks Clocks) NewCase()
    {
        var sla = new SlaEngine(Policies);
        var cal = BusinessCalendar.Default;
        var c = new Case { Number = "WC-2026-000001", Category = "payment_failed", Channel = "app", Subject = "s", Description = "d", Priority = "P2",
            ReceivedAt = Monday10, RegulatoryDueAt = Monday10 + Policies.RegulatoryDeadline };
        var p = Policies.For("P2");
        List<SlaClock> clocks =
        [
            sla.Start(c.Id, ClockKind.FirstResponse, p.FirstResponse, true, Monday10, cal),
            sla.Start(c.Id, ClockKind.Resolution, p.Resolution, true, Monday10, cal),
            sla.Start(c.Id, ClockKind.Regulatory, Policies.RegulatoryDeadline, false, Monday10, cal),
        ];
        return (c, new CaseClocks(clocks, sla, Policies, cal));
    }

    [Fact]
    public void Waiting_on_the_customer_pauses_only_the_resolution_clock_and_answering_resumes_it()
    {
        var (c, clocks) = NewCase();
        var e = c.ChangeStatus(CaseStatus.PendingCustomer, Actor.System, Monday10.AddHours(1), clocks);
        Assert.Equal("paused", clocks.Get(ClockKind.Resolution)!.State);
        Assert.Equal("running", clocks.Get(ClockKind.Regulatory)!.State);
        Assert.Equal(TimelineKinds.StatusChange, e.Kind);
        var args = TimelineArgs.Parse(e.DataJson);
        Assert.Equal((CaseStatus.New, CaseStatus.PendingCustomer), (args.From, args.To));

        c.ChangeStatus(CaseStatus.Open, Actor.System, Monday10.AddHours(3), clocks);
        Assert.Equal("running", clocks.Get(ClockKind.Resolution)!.State);
    }

    [Fact]
    public void Resolving_stops_every_clock_and_reopening_restarts_resolution_and_the_regulatory_clock()
    {
        var (c, clocks) = NewCase();
        c.ChangeStatus(CaseStatus.Resolved, Actor.System, Monday10.AddHours(2), clocks);
        Assert.All(clocks.All, k => Assert.Equal("stopped", k.State));
        Assert.False(c.IsOpen);
        Assert.NotNull(c.ResolvedAt);

        c.ChangeStatus(CaseStatus.Reopened, Actor.System, Monday10.AddDays(1), clocks, "还是没到账");
        Assert.Equal("running", clocks.Get(ClockKind.Resolution)!.State);
        Assert.Equal("running", clocks.Get(ClockKind.Regulatory)!.State);
        Assert.Null(c.ResolvedAt);
    }

    [Fact]
    public void An_illegal_transition_changes_nothing()
    {
        var (c, clocks) = NewCase();
        var p = Assert.Throws<AppProblem>(() => c.ChangeStatus(CaseStatus.Reopened, Actor.System, Monday10, clocks));
        Assert.Equal(CaseErrors.InvalidTransition.Code, p.Code);
        Assert.Equal(CaseStatus.New, c.Status);
    }

    [Theory]
    [InlineData("account_frozen", "security")]
    [InlineData("fraud_scam", "security")]
    [InlineData("refund_not_received", "refunds")]
    [InlineData("payment_failed", "payments")]
    public void One_rule_decides_the_team(string category, string team) => Assert.Equal(team, CaseTeams.For(category));
}
