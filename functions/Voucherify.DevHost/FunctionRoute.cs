using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Voucherify.DevHost;

/// <summary>An HTTP function as its attributes declare it.</summary>
public sealed record FunctionRoute(string Name, string Route, string[] Methods, MethodInfo Method)
{
    public static FunctionRoute? From(MethodInfo method)
    {
        var function = method.GetCustomAttribute<FunctionAttribute>();
        var trigger = method.GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .FirstOrDefault(a => a is not null);
        if (function is null || trigger is null)
        {
            return null;
        }

        var methods = (trigger.Methods ?? ["get", "post", "put", "delete"]).Select(m => m.ToUpperInvariant()).ToArray();
        return new FunctionRoute(function.Name, trigger.Route ?? function.Name, methods, method);
    }
}
