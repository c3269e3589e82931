namespace Voucherify.Core.Projects;

/// <summary>Resolves API keys to projects. Lookups compare secrets in constant time.</summary>
public interface IProjectDirectory
{
    Caller? Resolve(KeyRole role, string applicationId, string token);

    /// <summary>For background work that carries only the project id.</summary>
    Project? Find(string projectId);
}
