using System.Text;
using Platform.Events.Webhooks.Sending;
using Xunit;

namespace Platform.Events.Tests.Unit.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_standard_webhooks_example_signs_as_the_specification_says()
    {
        // The example of the Standard Webhooks specification (secret, id, timestamp, body → signature).
        var key = WebhookSignature.Key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        var signature = WebhookSignature.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("""{"test": 2432232314}"""));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_secret_without_the_whsec_prefix_is_used_as_its_utf8_bytes()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("plain-secret-of-enough-length"), WebhookSignature.Key("plain-secret-of-enough-length"));
        Assert.NotEqual(
            WebhookSignature.Sign(WebhookSignature.Key("plain-secret-of-enough-length"), "id", 1, "{}"u8),
            WebhookSignature.Sign(WebhookSignature.Key("plain-secret-of-enough-lengtH"), "id", 1, "{}"u8));
    }
}
