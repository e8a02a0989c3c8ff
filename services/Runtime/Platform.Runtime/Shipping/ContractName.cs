using System.Reflection;
using MassTransit;

namespace Platform.Runtime.Shipping;

/// <summary>The wire names pinned on a contract by [MessageUrn] and [EntityName] — the whole contract with MassTransit.</summary>
public sealed record ContractName(string Exchange, string MessageType)
{
    public static ContractName Of<T>()
    {
        var type = typeof(T);
        var urn = type.GetCustomAttribute<MessageUrnAttribute>()
                  ?? throw new InvalidOperationException($"{type.Name} has no [MessageUrn]");
        var entity = type.GetCustomAttribute<EntityNameAttribute>()
                     ?? throw new InvalidOperationException($"{type.Name} has no [EntityName]");
        return new ContractName(entity.EntityName, urn.Urn.ToString());
    }
}
