using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace WalletCare.Server.Tests;

/// <summary>
/// The shape of the modular monolith, checked by reflection (after kgrzybek/modular-monolith-with-ddd's
/// ModuleTests): an area talks to another only through the small contracts in Platform, never by
/// referencing its project; a page or component never reaches a database directly — it calls the same
/// handlers and queries as the API. Each rule is also run on a known violation, so a rule that silently
/// stopped finding anything would fail here too.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Business areas. Platform (shared kernel), Documents (PDF rendering) and the Server host are not areas.</summary>
    private static readonly string[] Areas = ["WalletCare.Security", "WalletCare.Wallet", "WalletCare.Cases", "WalletCare.Remedies", "WalletCare.Notifications", "WalletCare.Help", "WalletCare.Channels", "WalletCare.Protection"];

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IEnumerable<string> AreaReferenceViolations(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(r => r.Name!)
            .Where(r => Areas.Contains(r) && r != assembly.GetName().Name)
            .Select(r => $"{assembly.GetName().Name} references {r}");

    private static IEnumerable<string> DbContextInjectionViolations(IEnumerable<Type> types) =>
        from t in types
        where typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract
        from dependency in Dependencies(t)
        where typeof(DbContext).IsAssignableFrom(dependency.Type)
        select $"{t.FullName} injects {dependency.Type.Name} ({dependency.How})";

    /// <summary>What a component receives from DI: [Inject] properties (Razor's @inject) and constructor parameters.</summary>
    private static IEnumerable<(Type Type, string How)> Dependencies(Type t)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var p in t.GetProperties(all).Where(p => p.GetCustomAttribute<InjectAttribute>() is not null))
            yield return (p.PropertyType, "[Inject] " + p.Name);
        foreach (var c in t.GetConstructors(all))
            foreach (var p in c.GetParameters())
                yield return (p.ParameterType, "constructor " + p.Name);
    }

    [Fact]
    public void No_area_references_another_area()
    {
        var violations = Areas.Select(Load).SelectMany(AreaReferenceViolations).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_area_rule_finds_a_project_that_references_areas()
    {
        // The host references every area (it composes them): checked as if it were an area, it must fail.
        var host = typeof(Program).Assembly;
        Assert.NotEmpty(AreaReferenceViolations(host));
    }

    [Fact]
    public void No_page_or_component_injects_a_DbContext()
    {
        var components = typeof(Program).Assembly.GetTypes();
        Assert.Contains(components, t => typeof(IComponent).IsAssignableFrom(t) && t.Namespace?.Contains("Pages", StringComparison.Ordinal) == true);
        var violations = DbContextInjectionViolations(components).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_page_rule_finds_a_component_that_injects_a_DbContext()
    {
        var violations = DbContextInjectionViolations([typeof(PageThatReadsTheDatabase), typeof(ComponentWithContextInConstructor)]).ToList();
        Assert.Equal(2, violations.Count);
    }

    private sealed class PageThatReadsTheDatabase : ComponentBase
    {
        [Inject] public WalletCare.Cases.CasesDbContext Db { get; set; } = null!;
    }

    private sealed class ComponentWithContextInConstructor(WalletCare.Wallet.WalletDbContext db) : ComponentBase
    {
        public WalletCare.Wallet.WalletDbContext Db => db;
    }
}
