namespace Voucherify.Functions.Tests.EndToEnd;

/// <summary>The clone the tests were built from, found by walking up from the test assembly to the solution file.</summary>
public static class RepositoryFolder
{
    private const string Marker = "Voucherify.Functions.sln";

    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Marker)))
                {
                    return folder.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No {Marker} above {AppContext.BaseDirectory}.");
        }
    }

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
