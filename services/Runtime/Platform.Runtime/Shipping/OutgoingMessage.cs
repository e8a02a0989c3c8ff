namespace Platform.Runtime.Shipping;

/// <summary>An integration message ready for the bus: the exchange MassTransit binds, its message URN, its JSON.</summary>
public sealed record OutgoingMessage(string Exchange, string MessageType, byte[] Message, long Sequence, Guid MessageId);
