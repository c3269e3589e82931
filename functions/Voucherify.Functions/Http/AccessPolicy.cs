using Microsoft.AspNetCore.Http;
using Voucherify.Core.Projects;

namespace Voucherify.Functions.Http;

/// <summary>
/// Which keys a path accepts. Client keys may call only /client/v1 endpoints; asset images are
/// public links (they are printed on coupons), everything else needs a server key.
/// </summary>
public static class AccessPolicy
{
    public static bool IsPublic(PathString path) =>
        path.StartsWithSegments("/v1/assets", StringComparison.OrdinalIgnoreCase) ||
        path.Equals("/health", StringComparison.OrdinalIgnoreCase);

    public static bool Allows(PathString path, KeyRole role) =>
        role == KeyRole.Server || path.StartsWithSegments("/client/v1", StringComparison.OrdinalIgnoreCase);
}
