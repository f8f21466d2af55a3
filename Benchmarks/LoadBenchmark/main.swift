print("load benchmark")
