# A membership is imported as <group_id>/<contact_id>.
terraform import 'tnz_group_contact.oncall["Aroha"]' 9000000a-f002-4007-b00a-d00000000001/8000000a-f002-4007-b00a-d00000000001
