print("schema benchmark")
