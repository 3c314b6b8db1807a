namespace WalletCare.Cases.Domain;

/// <summary>The customer's rating once a case is resolved. One per case.</summary>
public sealed class Survey
{
    public Guid CaseId { get; set; }
    public Guid CustomerId { get; set; }
    public bool Resolved { get; set; }
    public int Attitude { get; set; }
    public int Speed { get; set; }
    public string? Suggestion { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A saved reply with placeholders: {customerName}, {caseNumber}, {refundExpectedBy}.</summary>
public sealed class Macro
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string Locale { get; set; }
    public required string Body { get; set; }
}
