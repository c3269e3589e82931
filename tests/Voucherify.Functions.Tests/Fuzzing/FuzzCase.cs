namespace Voucherify.Functions.Tests.Fuzzing;

/// <summary>
/// One generated request. <paramref name="CertainlyInvalid"/>: no route may accept it (broken JSON, a
/// non-JSON content type, too deep, too big), so it must be a 4xx. Otherwise it is hostile but may
/// happen to be valid, so a 2xx is allowed; a 5xx never is.
/// </summary>
public sealed record FuzzCase(string Kind, string Method, string Path, byte[]? Body, string ContentType, bool CertainlyInvalid)
{
    public override string ToString() => $"[{Kind}] {Method} {Path} {(Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 200)))}";
}
