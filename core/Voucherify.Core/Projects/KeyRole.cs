namespace Voucherify.Core.Projects;

public enum KeyRole
{
    /// <summary>X-App-Id / X-App-Token: may call every endpoint.</summary>
    Server,

    /// <summary>X-Client-Application-Id / X-Client-Token: only the client-side endpoints.</summary>
    Client,
}
