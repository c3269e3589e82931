using Microsoft.AspNetCore.Http;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;

namespace Voucherify.Functions.Http;

/// <summary>Resolves the caller from the contract's key headers, server pair first.</summary>
public sealed class CallerAuthenticator(IProjectDirectory directory)
{
    public Caller Authenticate(HttpRequest request)
    {
        var caller = Resolve(request, KeyRole.Server, "X-App-Id", "X-App-Token")
            ?? Resolve(request, KeyRole.Client, "X-Client-Application-Id", "X-Client-Token")
            ?? throw Problems.Unauthorized();
        if (!AccessPolicy.Allows(request.Path, caller.Role))
        {
            throw Problems.Forbidden("Client-side keys may call only the client-side API (/client/v1).");
        }

        if (caller.Role == KeyRole.Client && caller.AllowedOrigins.Count > 0 && !caller.AllowedOrigins.Contains(request.Headers.Origin.ToString().TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
        {
            throw Problems.Forbidden("This origin is not allowed to use these client keys.");
        }

        return caller;
    }

    private Caller? Resolve(HttpRequest request, KeyRole role, string idHeader, string tokenHeader)
    {
        var id = request.Headers[idHeader].ToString();
        var token = request.Headers[tokenHeader].ToString();
        return id.Length == 0 || token.Length == 0 ? null : directory.Resolve(role, id, token);
    }
}
