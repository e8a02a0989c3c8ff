using MassTransit;

namespace Platform.Events.Ingesting;

public static class MessageIds
{
    /// <summary>Every integration message carries a stable id; without one it cannot be deduplicated, so it is refused.</summary>
    public static Guid RequiredMessageId(this ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException(
            $"{context.SupportedMessageTypes.FirstOrDefault()} arrived without a messageId; the state log cannot deduplicate it");
}
