package overlap

func Work() {}
