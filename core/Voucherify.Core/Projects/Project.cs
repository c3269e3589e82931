namespace Voucherify.Core.Projects;

/// <summary>A tenant. Every document belongs to one; time limits are evaluated in its time zone.</summary>
public sealed record Project(string Id, string Name, TimeZoneInfo TimeZone);
