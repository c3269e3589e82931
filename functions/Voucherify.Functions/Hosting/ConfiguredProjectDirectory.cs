using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Voucherify.Core.Projects;

namespace Voucherify.Functions.Hosting;

/// <summary>Projects and their keys from configuration; tokens are compared in constant time.</summary>
public sealed class ConfiguredProjectDirectory : IProjectDirectory
{
    private readonly Dictionary<(KeyRole, string), (Project Project, byte[] Token, string[] Origins)> keys = [];

    public ConfiguredProjectDirectory(IOptions<VoucherifyOptions> options)
    {
        foreach (var configured in options.Value.Projects)
        {
            var project = new Project(configured.Id, configured.Name, TimeZoneInfo.FindSystemTimeZoneById(configured.TimeZone));
            Add(project, KeyRole.Server, configured.ServerKeys);
            Add(project, KeyRole.Client, configured.ClientKeys);
        }
    }

    public IEnumerable<Project> Projects => keys.Values.Select(k => k.Project).DistinctBy(p => p.Id);

    public Project? Find(string projectId) => Projects.FirstOrDefault(p => p.Id == projectId);

    public Caller? Resolve(KeyRole role, string applicationId, string token)
    {
        if (!keys.TryGetValue((role, applicationId), out var entry))
        {
            return null;
        }

        var offered = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(offered, entry.Token)
            ? new Caller(entry.Project, role, applicationId) { AllowedOrigins = entry.Origins }
            : null;
    }

    private void Add(Project project, KeyRole role, IEnumerable<KeyOptions> configured)
    {
        foreach (var key in configured.Where(k => k.AppId.Length > 0 && k.Token.Length > 0))
        {
            keys[(role, key.AppId)] = (project, Encoding.UTF8.GetBytes(key.Token), [.. key.AllowedOrigins.Select(o => o.TrimEnd('/'))]);
        }
    }
}
