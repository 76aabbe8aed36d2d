terraform {
  required_providers {
    tnz = {
      source = "tnz-community/tnz"
    }
  }
}
