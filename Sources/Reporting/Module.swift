/// Output formats for lint and probe results.
public enum ReportingModule {}
