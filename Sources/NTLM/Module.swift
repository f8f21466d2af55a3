/// NTLMv2 messages as go-ntlmssp builds them.
public enum NTLMModule {}
