/// The NTLM credential smoke test.
public enum NTLMProbeModule {}
