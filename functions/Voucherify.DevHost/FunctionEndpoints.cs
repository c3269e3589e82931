using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Voucherify.Functions.Http;

namespace Voucherify.DevHost;

/// <summary>
/// Serves the Function App's own HTTP functions on Kestrel: routes and methods come from their
/// [Function]/[HttpTrigger] attributes, so there is no second route table to drift.
/// </summary>
public static class FunctionEndpoints
{
    // Results read nothing from the descriptor; one empty instance spares an allocation-heavy constructor per request.
    private static readonly ActionDescriptor NoDescriptor = new();

    public static IReadOnlyList<FunctionRoute> Discover(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(FunctionRoute.From)
            .OfType<FunctionRoute>()
            .ToList();

    public static void Map(IEndpointRouteBuilder endpoints, Assembly assembly)
    {
        foreach (var route in Discover(assembly))
        {
            var parameters = route.Method.GetParameters();

            // The functions' classes are not services: each request gets one built from its scope, as the worker builds
            // them. The factory finds the constructor once; ActivatorUtilities.CreateInstance looked for it per request.
            var create = route.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(route.Method.DeclaringType!, Type.EmptyTypes);
            endpoints.MapMethods("/" + route.Route, route.Methods, context => InvokeAsync(context, route, parameters, create))
                .WithDisplayName(route.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionRoute route, ParameterInfo[] parameters, ObjectFactory? create)
    {
        var method = route.Method;
        var target = create?.Invoke(context.RequestServices, null);
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Bind(parameters[i], context);
        }

        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            throw;
        }

        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult action => action,
            _ => throw new InvalidOperationException($"{route.Name} must return IActionResult or Task<IActionResult>."),
        };
        // Our own answers need no action context (and the model state it builds); other results get one.
        await (result is WireResult wire ? wire.WriteAsync(context) : result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), NoDescriptor)));
    }

    private static object? Bind(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && context.Request.RouteValues.TryGetValue(parameter.Name!, out var value))
        {
            return value?.ToString();
        }

        throw new InvalidOperationException($"The dev host cannot bind parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}.");
    }
}
