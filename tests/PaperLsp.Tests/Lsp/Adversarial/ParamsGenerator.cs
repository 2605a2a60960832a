using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Lsp;
using PaperLsp.Lsp.Logging;
using PaperLsp.Lsp.Queue;

namespace PaperLsp.Tests.Lsp.Adversarial;

/// <summary>
/// Wrong-typed params for every registered method, generated from <see cref="HandlerRegistry"/> and the protocol
/// types: a valid sample of each params type, then each field (at every depth, array elements included) replaced in
/// turn by each value of the wrong kind. A method added to the registry is covered without touching the suite.
/// </summary>
internal static class ParamsGenerator
{
    public sealed record Case(string Method, bool IsRequest, string Path, JToken Params)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    /// <summary>Values of every JSON kind, and numbers out of every range a field might have.</summary>
    public static readonly JToken[] WrongValues =
    [
        JValue.CreateNull(), new JValue(5), new JValue(-1), new JValue(2147483648L), new JValue(1.5), new JValue(1e300),
        new JValue("x"), new JValue(true), new JArray(), new JObject(), new JArray(JValue.CreateNull()),
    ];

    public static IReadOnlyList<LspMethodRegistration> Registrations()
    {
        var session = new ServerSession(new LanguageServerOptions(), NullLoggerFactory.Instance, new LogLevelSwitch(LogLevel.None), (_, _) => Task.CompletedTask);
        var queue = new RequestQueue(() => session.State, NullLogger<RequestQueue>.Instance);
        var registrations = HandlerRegistry.Create(session, queue, () => { });
        queue.Complete();
        return registrations;
    }

    public static IEnumerable<Case> Cases(LspMethodRegistration registration, string uri)
    {
        if (registration.ParamsType == typeof(NoParams))
        {
            foreach (var value in WrongValues) yield return new Case(registration.Method, registration.IsRequest, "params", value);
            yield break;
        }
        var sample = (JObject)Sample(registration.ParamsType, "", uri, 0);
        yield return new Case(registration.Method, registration.IsRequest, "(valid sample)", sample);
        foreach (var value in WrongValues.Where(v => v.Type != JTokenType.Object)) yield return new Case(registration.Method, registration.IsRequest, "params", value);
        foreach (var path in Paths(sample))
            foreach (var value in WrongValues)
            {
                var copy = (JObject)sample.DeepClone();
                var target = copy.SelectToken(path)!;
                if (JToken.DeepEquals(target, value)) continue;
                target.Replace(value.DeepClone());
                yield return new Case(registration.Method, registration.IsRequest, $"{path} = {value.ToString(Newtonsoft.Json.Formatting.None)}", copy);
            }
    }

    /// <summary>The JSON path of every value in the sample, below the root.</summary>
    private static IEnumerable<string> Paths(JToken token) =>
        token.Children().SelectMany(child => child is JProperty property ? [property.Value] : new[] { child })
            .SelectMany(value => new[] { value.Path }.Concat(Paths(value)));

    /// <summary>A valid value of the type: every property present, one element in each array, the document's URI for URIs.</summary>
    public static JToken Sample(Type type, string name, string uri, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return name.Equals("uri", StringComparison.OrdinalIgnoreCase) ? uri : "x";
        if (type == typeof(int) || type == typeof(long) || type == typeof(uint)) return 0;
        if (type == typeof(bool)) return false;
        if (type == typeof(double)) return 0.0;
        if (type.IsEnum) return Convert.ToInt32(Enum.GetValues(type).GetValue(0));
        if (typeof(JToken).IsAssignableFrom(type)) return new JObject();
        if (type.IsArray) return new JArray(Sample(type.GetElementType()!, name, uri, depth + 1));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return new JArray(Sample(type.GetGenericArguments()[0], name, uri, depth + 1));
        if (type == typeof(object) || depth > 8) return new JObject();
        var result = new JObject();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null))
        {
            var jsonName = property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            result[jsonName] = Sample(property.PropertyType, jsonName, uri, depth + 1);
        }
        return result;
    }
}
