using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace PaperLsp.Lsp;

/// <summary>
/// Finds a null where the protocol types say there is none: <c>"contentChanges": [{…}, null]</c> or
/// <c>"range": {"start": null, …}</c> bind without complaint (Newtonsoft's Required only covers properties, not array
/// elements, and not every property is marked), and the handler then fails halfway through its work. The nullable
/// annotations of the types in <c>PaperLsp.Lsp.Protocol</c> are the contract, so every method is covered without a
/// list to keep up to date.
/// </summary>
internal static class ParamsValidator
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, NullabilityInfo Nullability)[]> Properties = new();
    private static readonly NullabilityInfoContext Context = new();

    /// <summary>The JSON path of the first null that is not allowed (e.g. <c>contentChanges[1]</c>), or null when there is none.</summary>
    public static string? FindMissing(object parameters) => Check(parameters, "");

    private static string? Check(object value, string path)
    {
        var type = value.GetType();
        if (!IsProtocolType(type)) return null;
        foreach (var (property, nullability) in PropertiesOf(type))
        {
            var child = property.GetValue(value);
            var childPath = Join(path, property.Name);
            if (child is null)
            {
                if (nullability.ReadState == NullabilityState.NotNull) return childPath;
                continue;
            }
            if (CheckChild(child, nullability, childPath) is { } found) return found;
        }
        return null;
    }

    private static string? CheckChild(object child, NullabilityInfo nullability, string path)
    {
        if (child is Array array)
        {
            var elementNullability = nullability.ElementType;
            for (var i = 0; i < array.Length; i++)
            {
                var element = array.GetValue(i);
                var elementPath = $"{path}[{i}]";
                if (element is null)
                {
                    if (elementNullability?.ReadState == NullabilityState.NotNull && !array.GetType().GetElementType()!.IsValueType) return elementPath;
                    continue;
                }
                if (elementNullability is not null && CheckChild(element, elementNullability, elementPath) is { } found) return found;
            }
            return null;
        }
        if (child is IList list && nullability.GenericTypeArguments is [var itemNullability])
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null)
                {
                    if (itemNullability.ReadState == NullabilityState.NotNull) return $"{path}[{i}]";
                    continue;
                }
                if (CheckChild(list[i]!, itemNullability, $"{path}[{i}]") is { } found) return found;
            }
            return null;
        }
        return Check(child, path);
    }

    private static bool IsProtocolType(Type type) =>
        type is { IsClass: true, Namespace: "PaperLsp.Lsp.Protocol" };

    private static (PropertyInfo, NullabilityInfo)[] PropertiesOf(Type type) => Properties.GetOrAdd(type, static t =>
    {
        lock (Context)
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
                .Select(p => (p, Context.Create(p)))
                .ToArray();
    });

    private static string Join(string path, string name)
    {
        var camel = char.ToLowerInvariant(name[0]) + name[1..];
        return path.Length == 0 ? camel : path + "." + camel;
    }
}
