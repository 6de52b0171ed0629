# Words of the application itself (command line now, the desktop app later).
app-name = Marz
app-tagline = The letters you dread, written warm, firm and professional
sample-workspace-created = Created a sample workspace in { $dir }.
scenario-respect = Warning about disrespectful behaviour
scenario-payment = Payment follow-up
scenario-price-increase = Price increase
scenario-scope = Work outside the agreed scope
scenario-discount = Declining a discount
scenario-complaint = Complaints and refund requests
scenario-boundary = Communication boundaries
scenario-service-change = Changing or removing a service
scenario-termination = Ending the collaboration
scenario-follow-up = Follow-up and reconnecting
